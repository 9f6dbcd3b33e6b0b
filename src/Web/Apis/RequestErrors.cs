using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pricing.Web.Apis;

/// <summary>Collects what is wrong with a request, by parameter name, so one 400 names every problem.</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message) =>
        _errors[parameter] = _errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];

    /// <summary>A 400 validation problem: <c>errors</c> keyed by parameter name, the messages joined in <c>detail</c>.</summary>
    public ProblemHttpResult ToProblem() => TypedResults.Problem(new HttpValidationProblemDetails(_errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more request parameters are invalid.",
        Detail = string.Join(" ", _errors.Values.SelectMany(messages => messages)),
    });
}
