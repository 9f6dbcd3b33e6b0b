global using Pricing.Grains.Analytics;
global using Xunit;
