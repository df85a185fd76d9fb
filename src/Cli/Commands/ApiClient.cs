using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.Installation.Security;

namespace Governance.Cli.Commands;

/// <summary>Calls the API as an admin of this install, so CLI changes go through the same pipeline and audit.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(string baseUrl)
    {
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var token = TokenCommand.Issue("cli:admin", Roles.Admin, null, TimeSpan.FromMinutes(15));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>POSTs and reports "created", "exists" (409) or throws with the server's problem text.</summary>
    public async Task<string> PostAsync(string path, HttpContent content, CancellationToken ct)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return "exists";
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        return "created";
    }

    public Task<string> PostJsonAsync<T>(string path, T body, CancellationToken ct) => PostAsync(path, JsonContent.Create(body), ct);

    public void Dispose() => _http.Dispose();
}
