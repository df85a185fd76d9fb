using Governance.Api.Composition;
using Governance.Installation.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalDefaults();
builder.AddGovernance();

var app = builder.Build();
app.UseGovernance();
app.Run();

/// <summary>Entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
