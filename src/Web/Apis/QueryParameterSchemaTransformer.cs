using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pricing.Web.Apis;

/// <summary>
/// Describes <c>limit</c> and <c>interval</c> as what they are (an integer range, a set of names)
/// in the OpenAPI document. The handlers take them as strings so that a bad value gets the API's
/// own problem details rather than the framework's bare 400.
/// </summary>
internal sealed class QueryParameterSchemaTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Query)
            {
                continue;
            }

            parameter.Schema = parameter.Name switch
            {
                "limit" => new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = RequestParameters.MaxLimit.ToString(CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(RequestParameters.DefaultLimit),
                },
                "interval" => new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. CandleIntervals.Names.Select(name => (JsonNode)JsonValue.Create(name))],
                    Default = JsonValue.Create(CandleInterval.OneMinute.ToName()),
                },
                _ => parameter.Schema,
            };
        }

        return Task.CompletedTask;
    }
}
