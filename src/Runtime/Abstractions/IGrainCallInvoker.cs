namespace Pricing.Runtime;

/// <summary>
/// Runs a method on a grain activation as one turn. Used by grain references; application code
/// calls grains through their interfaces instead.
/// </summary>
public interface IGrainCallInvoker
{
    /// <summary>
    /// Activates the grain if needed, waits for its turn, and calls <paramref name="method"/> on it.
    /// Pass a static lambda and the arguments in <paramref name="argument"/> so that no closure is allocated.
    /// </summary>
    ValueTask<TResult> InvokeAsync<TGrainInterface, TArgument, TResult>(
        GrainId grainId,
        Func<TGrainInterface, TArgument, ValueTask<TResult>> method,
        TArgument argument)
        where TGrainInterface : class, IGrain;
}
