package vn.cpms.kernel.cases;

/** How a report or contact reached the system (API code list {@code channel}). */
public enum Channel {
  HOTLINE_111,
  HOTLINE_PROVINCIAL,
  PHONE,
  WALK_IN,
  EMAIL,
  SOCIAL_MEDIA,
  SCHOOL,
  POLICE,
  HEALTH_FACILITY,
  /** A village collaborator (cộng tác viên thôn, bản). */
  COMMUNITY,
  OTHER
}
