namespace SurveyApp.Administration.Staff;

/// <summary>
/// <see cref="StaffAccounts"/> for an interactive page: each operation gets a scope of its own, so Identity's
/// stores save through a fresh context instead of one that lives, and goes stale, with the page's circuit.
/// </summary>
public sealed class StaffAdministration(IServiceScopeFactory scopes)
{
    public Task<IReadOnlyList<StaffAccount>> ListAsync() => WithAccountsAsync(a => a.ListAsync());

    public Task<CreatedStaff> CreateAsync(string actor, string? email, string? role) => WithAccountsAsync(a => a.CreateAsync(actor, email, role));

    public Task<StaffRefusal> SetRoleAsync(string actor, string userId, string role) => WithAccountsAsync(a => a.SetRoleAsync(actor, userId, role));

    public Task<StaffRefusal> DeactivateAsync(string actor, string userId) => WithAccountsAsync(a => a.DeactivateAsync(actor, userId));

    public Task<StaffRefusal> ReactivateAsync(string actor, string userId) => WithAccountsAsync(a => a.ReactivateAsync(actor, userId));

    private async Task<T> WithAccountsAsync<T>(Func<StaffAccounts, Task<T>> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<StaffAccounts>());
    }
}
