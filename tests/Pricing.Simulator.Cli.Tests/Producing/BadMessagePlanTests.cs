using Pricing.Simulator.Cli.Messages;
using Pricing.Simulator.Cli.Producing;

namespace Pricing.Simulator.Cli.Tests.Producing;

public sealed class BadMessagePlanTests
{
    [Fact]
    public void PositionsAreDistinctSortedAndWithinAllMessages()
    {
        var plan = new BadMessagePlan(seed: 7, goodTicks: 1000, badMessages: 50);

        Assert.Equal(50, plan.Positions.Count);
        Assert.Equal(plan.Positions.Order(), plan.Positions);
        Assert.Equal(50, plan.Positions.Distinct().Count());
        Assert.All(plan.Positions, p => Assert.InRange(p, 0, 1049));
    }

    [Fact]
    public void SameSeedSamePlanOtherSeedOtherPlan()
    {
        var a = new BadMessagePlan(42, 20_000, 5);
        var b = new BadMessagePlan(42, 20_000, 5);
        var c = new BadMessagePlan(43, 20_000, 5);

        Assert.Equal(a.Positions, b.Positions);
        Assert.Equal(Kinds(a), Kinds(b));
        Assert.NotEqual(a.Positions, c.Positions);
    }

    [Fact]
    public void FiveMessagesCoverEveryKind()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var kinds = Kinds(new BadMessagePlan(seed, 100, 5));

            Assert.Equal(BadMessageKinds.All.Order(), kinds.Order());
        }
    }

    [Fact]
    public void AsManyMalformedMessagesAsTicksFitAmongThem()
    {
        var plan = new BadMessagePlan(1, goodTicks: 3, badMessages: 3);

        Assert.Equal(3, plan.Positions.Count);
        Assert.All(plan.Positions, p => Assert.InRange(p, 0, 5));
    }

    [Fact]
    public void TakeAnswersOnlyAtPlannedPositionsInOrder()
    {
        var plan = new BadMessagePlan(9, 10, 2);
        var taken = new List<long>();

        for (var position = 0L; position < 12; position++)
        {
            if (plan.TryTake(position, out _))
                taken.Add(position);
        }

        Assert.Equal(plan.Positions, taken);
    }

    [Fact]
    public void NoMoreMalformedMessagesThanTicks()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BadMessagePlan(1, 3, 4));
    }

    private static List<BadMessageKind> Kinds(BadMessagePlan plan)
    {
        var kinds = new List<BadMessageKind>();
        foreach (var position in plan.Positions.ToArray())
        {
            Assert.True(plan.TryTake(position, out var kind));
            kinds.Add(kind);
        }

        return kinds;
    }
}
