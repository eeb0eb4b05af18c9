package vn.cpms.kernel.children;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code POST /children/{id}/erasure}: crypto-shreds the child's personal data (ADMIN). */
public record EraseChildIdentityCommand(@TargetAggregateIdentifier ChildId childId) {}
