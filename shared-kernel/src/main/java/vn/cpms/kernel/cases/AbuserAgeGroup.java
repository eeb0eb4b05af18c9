package vn.cpms.kernel.cases;

/** The age group of the person suspected of the abuse. */
public enum AbuserAgeGroup {
  UNDER_18,
  FROM_18_TO_29,
  FROM_30_TO_49,
  FROM_50,
  UNKNOWN
}
