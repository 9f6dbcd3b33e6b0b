namespace Pricing.Simulator.Cli.Tests.Support;

/// <summary>A message as read back from the topic, with its log position.</summary>
internal sealed record ConsumedMessage(int Partition, long Offset, byte[]? Key, byte[]? Value);
