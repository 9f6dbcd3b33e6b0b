namespace Pricing.Runtime.Tests.Grains;

/// <param name="DueTime">First tick after this long.</param>
/// <param name="Period">Time between the end of a tick and the next tick.</param>
/// <param name="ThrowOnTick">The tick number (from 1) whose callback throws; 0 for none.</param>
public sealed record TimerPlan(TimeSpan DueTime, TimeSpan Period, int ThrowOnTick = 0);
