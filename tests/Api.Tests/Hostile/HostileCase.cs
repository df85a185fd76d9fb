using System.Net.Http.Headers;
using System.Text;

namespace Governance.Api.Tests.Hostile;

/// <summary>
/// One hostile request: who sends it, where, and the bytes (with the content type it claims).
/// <see cref="Bounded"/>: a read that may answer 2xx (a harmless search), but never more than 1 MB.
/// </summary>
internal sealed record HostileCase(string Name, string Role, string? Tenant, string Method, string Path, Func<HttpContent?> Body)
{
    public bool Bounded { get; init; }

    public static HostileCase Json(string name, string role, string path, string json, string? tenant = null) =>
        new(name, role, tenant, "POST", path, () => Text(json, "application/json"));

    public static HostileCase Raw(string name, string role, string path, byte[] body, string contentType, string? tenant = null) =>
        new(name, role, tenant, "POST", path, () => Bytes(body, contentType));

    public static HostileCase Get(string name, string role, string path) => new(name, role, null, "GET", path, () => null) { Bounded = true };

    public static HttpContent Text(string text, string contentType) => Bytes(Encoding.UTF8.GetBytes(text), contentType);

    public static HttpContent Bytes(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    public override string ToString() => $"{Name} ({Method} {Path})";
}
