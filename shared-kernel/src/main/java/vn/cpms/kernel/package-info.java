/**
 * The published language of CPMS: commands, events, queries and value objects shared by the command
 * side and the query side. No Spring, no persistence. Events are forever: every event carries
 * {@code @Revision}, its JSON form is fixed (ISO-8601 dates, enums by name, ids as plain strings)
 * and a change of shape adds a revision and an upcaster.
 */
package vn.cpms.kernel;
