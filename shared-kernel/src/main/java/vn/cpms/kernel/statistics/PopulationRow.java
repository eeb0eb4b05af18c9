package vn.cpms.kernel.statistics;

import vn.cpms.kernel.children.Sex;

/** Children of one sex and one age (completed years, 0…17) living in an area on 1 January. */
public record PopulationRow(Sex sex, int age, long count) {}
