using System.Linq.Expressions;

namespace SurveyApp.Analysis;

/// <summary>
/// "Contains, whatever the case" translated to SQL on both engines. SQLite's lower() folds ASCII letters only,
/// so the term is lowered where SQL can lower the text too, and each of its other letters (å, ä, ö, é …) is
/// tried in both cases: "Östersund" is found by "öster" and by "ÖSTER". Past a few such letters the rest are
/// matched as typed, which keeps the SQL to at most 16 alternatives.
/// </summary>
public static class TextSearch
{
    private const int MaxFoldedLetters = 4;

    public static IQueryable<T> WhereContains<T>(this IQueryable<T> source, Expression<Func<T, string?>> text, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return source;
        }
        var lowered = Expression.Call(text.Body, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var notNull = Expression.NotEqual(text.Body, Expression.Constant(null, typeof(string)));
        var any = Variants(term.Trim())
            .Select(v => (Expression)Expression.Call(lowered, contains, Parameter(v)))
            .Aggregate(Expression.OrElse);
        return source.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(notNull, any), text.Parameters));
    }

    /// <summary>The spellings of the term that SQL's lower() of a matching text contains.</summary>
    public static IReadOnlyList<string> Variants(string term)
    {
        var variants = new List<string> { "" };
        var folded = 0;
        foreach (var c in term)
        {
            if (char.IsAscii(c))
            {
                variants = variants.Select(v => v + char.ToLowerInvariant(c)).ToList();
            }
            else if (char.ToLowerInvariant(c) != char.ToUpperInvariant(c) && folded < MaxFoldedLetters)
            {
                folded++;
                variants = variants.SelectMany(v => new[] { v + char.ToLowerInvariant(c), v + char.ToUpperInvariant(c) }).ToList();
            }
            else
            {
                variants = variants.Select(v => v + c).ToList();
            }
        }
        return variants;
    }

    // A captured value, so that EF sends the term as a parameter rather than writing it into the SQL.
    private static MemberExpression Parameter(string value)
    {
        var holder = new Holder(value);
        return Expression.Field(Expression.Constant(holder), nameof(Holder.Value));
    }

    private sealed class Holder(string value)
    {
        public readonly string Value = value;
    }
}
