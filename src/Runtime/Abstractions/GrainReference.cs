namespace Pricing.Runtime;

/// <summary>
/// Base of grain references: what a caller holds instead of the grain. A reference forwards
/// each interface method to <see cref="IGrainCallInvoker"/>, which runs it as a turn of the
/// activation. Orleans' code generator writes these classes; with a handful of grain
/// interfaces we write them by hand (one line per method) and register them with
/// <c>AddGrainReference</c>.
/// </summary>
public abstract class GrainReference(IGrainCallInvoker invoker, GrainId grainId)
{
    public GrainId GrainId { get; } = grainId;

    protected ValueTask<TResult> InvokeAsync<TGrainInterface, TArgument, TResult>(
        Func<TGrainInterface, TArgument, ValueTask<TResult>> method, TArgument argument)
        where TGrainInterface : class, IGrain =>
        invoker.InvokeAsync(GrainId, method, argument);

    protected ValueTask<TResult> InvokeAsync<TGrainInterface, TResult>(Func<TGrainInterface, ValueTask<TResult>> method)
        where TGrainInterface : class, IGrain =>
        invoker.InvokeAsync<TGrainInterface, Func<TGrainInterface, ValueTask<TResult>>, TResult>(GrainId, static (grain, m) => m(grain), method);

    protected ValueTask InvokeAsync<TGrainInterface>(Func<TGrainInterface, ValueTask> method)
        where TGrainInterface : class, IGrain
    {
        var call = invoker.InvokeAsync<TGrainInterface, Func<TGrainInterface, ValueTask>, bool>(GrainId, static async (grain, m) =>
        {
            await m(grain);
            return true;
        }, method);
        return call.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(call.AsTask());
    }

    public override string ToString() => GrainId.ToString();
}
