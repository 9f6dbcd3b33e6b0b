using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Silo;
using Pricing.Silo.Hosting;
using Pricing.Web.Apis;
using Pricing.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

var mode = builder.AddSiloOptions();
if (mode == SiloMode.Cluster)
{
    // First, so the schema is migrated before the runtime and the ingest start.
    builder.Services.AddPostgresStorage();
}

builder.Services.AddGrainRuntime();
builder.Services.AddSymbolGrains();
builder.Services.AddTickIngest();
builder.Services.AddMarketReadModel();
builder.Services.AddSiloMembership();
switch (mode)
{
    case SiloMode.Embedded:
        builder.Services.AddEmbeddedMode();
        break;
    case SiloMode.Cluster:
        builder.Services.AddRedisCluster();
        builder.Services.AddKafkaIngest();
        break;
}

builder.Services.AddMarketApi();
builder.Services.AddMarketHub();

var app = builder.Build();

app.MapMarketApi();
app.MapMarketHub();
app.MapDashboard();
app.MapHealthEndpoints();

app.Run();

/// <summary>The silo's entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
