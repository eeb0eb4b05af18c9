package vn.cpms.kernel.area;

/** The events of an administrative area's stream. */
public sealed interface AreaEvent permits AreaDefinedEvent, AreaSucceededEvent {
  AreaCode code();
}
