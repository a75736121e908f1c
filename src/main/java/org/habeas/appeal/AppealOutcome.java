package org.habeas.appeal;

/** How an appeal ended. The first three are the appeal court's; the last two are set by Habeas. */
public enum AppealOutcome {
  UPHELD, OVERTURNED, REDUCED,
  /** The defence decided not to appeal. */
  NOT_APPEALED,
  /** The appeal deadline passed before an appeal was filed. */
  MISSED;

  /** Whether the appeal court decided, so that its decision put the ruling into force. */
  public boolean decidedByCourt() {
    return this == UPHELD || this == OVERTURNED || this == REDUCED;
  }
}
