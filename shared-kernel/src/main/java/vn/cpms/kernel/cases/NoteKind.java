package vn.cpms.kernel.cases;

/**
 * What a case note records (issue 20): a home visit, a phone follow-up, a meeting of the
 * interagency working group, the plan's periodic review, or anything else worth keeping.
 */
public enum NoteKind {
  HOME_VISIT,
  PHONE_FOLLOW_UP,
  WORKING_GROUP_MEETING,
  PLAN_REVIEW,
  OTHER
}
