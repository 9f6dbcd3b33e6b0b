global using Pricing.Grains;
