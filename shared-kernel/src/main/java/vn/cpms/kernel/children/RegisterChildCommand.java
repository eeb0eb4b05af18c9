package vn.cpms.kernel.children;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a child on its own ({@code POST /api/v1/children}). */
public record RegisterChildCommand(
    @TargetAggregateIdentifier ChildId childId,
    ChildRegistration registration,
    LocalDate referenceDate) {}
