using Pricing.Grains;
using Pricing.Runtime;
using Pricing.Silo;
using Pricing.Silo.Hosting;
using Pricing.Web.Apis;
using Pricing.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

var mode = builder.AddSiloOptions();
builder.Services.AddGrainRuntime();
builder.Services.AddSymbolGrains();
builder.Services.AddTickIngest();
builder.Services.AddMarketReadModel();
switch (mode)
{
    case SiloMode.Embedded:
        builder.Services.AddEmbeddedMode();
        break;
    case SiloMode.Cluster:
        throw new NotSupportedException("Cluster mode (Kafka, PostgreSQL, Redis) is not composed yet.");
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
