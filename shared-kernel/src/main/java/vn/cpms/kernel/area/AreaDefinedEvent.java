package vn.cpms.kernel.area;

import org.axonframework.serialization.Revision;

/** An area was defined, or its name or parent changed. */
@Revision("1")
public record AreaDefinedEvent(AreaCode code, String name, AreaLevel level, AreaCode parentCode)
    implements AreaEvent {}
