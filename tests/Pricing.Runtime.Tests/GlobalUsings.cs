global using Microsoft.Extensions.DependencyInjection;
global using Pricing.Runtime.Tests.Grains;
global using Pricing.Runtime.Tests.Infrastructure;
