using Governance.Api.Composition;
using Governance.Api.InferenceOnly;
using Governance.Installation.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalDefaults();
if (InferenceOnlyMode.IsRequested(builder.Configuration))
{
    // A compute node for a governed API: /v2 on local models, no database, no governance (ADR-030).
    var node = InferenceOnlyMode.Build(builder);
    await InferenceOnlyMode.LoadModelsAsync(node);
    await node.RunAsync();
    return;
}

builder.AddGovernance();

var app = builder.Build();
app.UseGovernance();
app.Run();

/// <summary>Entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
