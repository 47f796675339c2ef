using System.Globalization;
using System.Linq.Expressions;

namespace SurveyApp.Storage;

/// <summary>
/// Names and texts the way Swedish readers expect them, done by the database on either engine: sorted
/// alphabetically (a–z, then å, ä, ö; case decides only between otherwise equal texts) with
/// <c>EF.Functions.Collate(text, SwedishText.Collation)</c>, and searched whatever the case of any letter with
/// <see cref="WhereContains"/>. PostgreSQL has the collation from a migration (ICU's sv-SE); SQLite gets it, and the
/// case folding, on every connection the app opens (<see cref="Providers.SqliteSwedishText"/>).
/// </summary>
public static class SwedishText
{
    /// <summary>The collation's name, the same on both engines.</summary>
    public const string Collation = "swedish";

    /// <summary>The SQLite function behind <see cref="Folded"/>.</summary>
    public const string SqliteFoldFunction = "swedish_fold";

    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    /// <summary>
    /// The collation's order, as SQLite applies it. ICU, which .NET and PostgreSQL both use, weighs the letters of the
    /// whole text before their case, so "ärla" sorts after "Åre"; texts it finds equal are ordered by their code
    /// points, as PostgreSQL does, so that the order never depends on which row came first.
    /// </summary>
    public static int Compare(string? x, string? y)
    {
        // Sorting a wave's invitations compares each organisation's name with itself many times over.
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return 0;
        }
        var order = Swedish.Compare(x, y, CompareOptions.None);
        return order != 0 ? order : string.CompareOrdinal(x, y);
    }

    /// <summary>The text in lower case, every letter, as the database lowers it; for queries only (each engine's context maps it).</summary>
    public static string Folded(string text) => throw new InvalidOperationException($"{nameof(SwedishText)}.{nameof(Folded)} runs in the database only, inside a query.");

    /// <summary>A search term lowered as <see cref="Folded"/> lowers the text it is looked for in.</summary>
    public static string Fold(string term) => term.ToLowerInvariant();

    /// <summary>"Contains, whatever the case", as a condition the database evaluates: "zür" finds "Zürich", "ÅRE" finds "Åre".</summary>
    public static IQueryable<T> WhereContains<T>(this IQueryable<T> source, Expression<Func<T, string?>> text, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return source;
        }
        var folded = Expression.Call(typeof(SwedishText).GetMethod(nameof(Folded))!, text.Body);
        var contains = Expression.Call(folded, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Parameter(Fold(term.Trim())));
        var notNull = Expression.NotEqual(text.Body, Expression.Constant(null, typeof(string)));
        return source.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(notNull, contains), text.Parameters));
    }

    // A captured value, so that EF sends the term as a parameter rather than writing it into the SQL.
    private static MemberExpression Parameter(string value) =>
        Expression.Field(Expression.Constant(new Holder(value)), nameof(Holder.Value));

    private sealed class Holder(string value)
    {
        public readonly string Value = value;
    }
}
