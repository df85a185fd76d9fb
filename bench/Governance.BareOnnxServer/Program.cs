using Governance.BareOnnxServer;

// Usage: Governance.BareOnnxServer --model PATH/model.onnx --urls http://127.0.0.1:PORT
// POST /v2/models/{any}/infer with one FP32 input: what a minimal server in front of ONNX Runtime costs.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var modelPath = builder.Configuration["model"] ?? throw new ArgumentException("--model PATH is required");
using var model = new BareModel(modelPath);
var app = builder.Build();
app.MapPost("/v2/models/{name}/infer", (string name, HttpContext context) => model.InferAsync(name, context));
app.MapGet("/v2/health/ready", () => Results.Ok());
app.Run();
