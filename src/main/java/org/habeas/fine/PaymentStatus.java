package org.habeas.fine;

/** Where the payment of a fine ended. */
public enum PaymentStatus { PAID, DECLINED }
