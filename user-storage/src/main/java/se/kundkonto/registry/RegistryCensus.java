package se.kundkonto.registry;

/** How many customers the registry holds (of those asked about), and how many of them are active. */
public record RegistryCensus(long customers, long active) {}
