package vn.cpms.kernel.area;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines an area or changes its name or parent ({@code PUT /api/v1/areas/{code}}). */
public record DefineAreaCommand(
    @TargetAggregateIdentifier AreaCode code, String name, AreaLevel level, AreaCode parentCode) {}
