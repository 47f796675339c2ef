using Microsoft.EntityFrameworkCore.Migrations;

namespace SurveyApp.Storage.Migrations;

/// <summary>
/// Moves the participants of the time when they were one pool into lists of their own survey, keeping every
/// answer. Each survey series (a survey and its later versions) that invited participants gets one list,
/// "Deltagare", of exactly those it invited. A participant invited by several series stays itself in the first
/// and is copied into each further list, and the further series' invitations, responses and answers move to the
/// copy, so that a participant is only ever one list's. Participants never invited join the first series' list,
/// or, with no survey at all, a list of no survey. The SQL is written for both engines.
/// </summary>
internal static class ParticipantListsData
{
    public const string ListName = "Deltagare";

    /// <param name="now">The engine's expression for the current time as a stored DateTimeOffset.</param>
    public static void Move(MigrationBuilder migrationBuilder, string now)
    {
        migrationBuilder.Sql("""
            CREATE TEMPORARY TABLE "MigrationSeries" AS
            WITH RECURSIVE chain("SurveyId", "Root") AS (
                SELECT "Id", "Id" FROM "Surveys" WHERE "PreviousVersionId" IS NULL
                UNION ALL
                SELECT s."Id", c."Root" FROM "Surveys" s JOIN chain c ON s."PreviousVersionId" = c."SurveyId")
            SELECT "SurveyId", "Root" FROM chain;
            """);
        migrationBuilder.Sql("""
            CREATE TEMPORARY TABLE "MigrationMembers" AS
            SELECT DISTINCT i."ParticipantId", m."Root"
            FROM "Invitations" i
            JOIN "Waves" w ON w."Id" = i."WaveId"
            JOIN "MigrationSeries" m ON m."SurveyId" = w."SurveyId";
            """);
        migrationBuilder.Sql("""
            INSERT INTO "MigrationMembers" ("ParticipantId", "Root")
            SELECT p."Id", (SELECT MIN(s."Root") FROM "MigrationSeries" s)
            FROM "Participants" p
            WHERE NOT EXISTS (SELECT 1 FROM "MigrationMembers" x WHERE x."ParticipantId" = p."Id")
              AND EXISTS (SELECT 1 FROM "MigrationSeries");
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "ParticipantLists" ("SurveyId", "Name", "CreatedAt")
            SELECT DISTINCT x."Root", '{ListName}', {now} FROM "MigrationMembers" x;
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "ParticipantLists" ("SurveyId", "Name", "CreatedAt")
            SELECT NULL, '{ListName}', {now}
            WHERE EXISTS (SELECT 1 FROM "Participants" p WHERE NOT EXISTS (SELECT 1 FROM "MigrationMembers" x WHERE x."ParticipantId" = p."Id"));
            """);
        migrationBuilder.Sql("""
            UPDATE "Participants" SET "ListId" = COALESCE(
                (SELECT l."Id" FROM "ParticipantLists" l
                 WHERE l."SurveyId" = (SELECT MIN(x."Root") FROM "MigrationMembers" x WHERE x."ParticipantId" = "Participants"."Id")),
                (SELECT l."Id" FROM "ParticipantLists" l WHERE l."SurveyId" IS NULL));
            """);
        // The copy's code holds its original's id until the references have moved.
        migrationBuilder.Sql("""
            INSERT INTO "Participants" ("ListId", "Code", "Name", "Type", "IsActive", "Attributes")
            SELECT l."Id", CAST(p."Id" AS TEXT), p."Name", p."Type", p."IsActive", p."Attributes"
            FROM "MigrationMembers" x
            JOIN "Participants" p ON p."Id" = x."ParticipantId"
            JOIN "ParticipantLists" l ON l."SurveyId" = x."Root"
            WHERE l."Id" <> p."ListId";
            """);
        foreach (var table in new[] { "Invitations", "Responses", "Answers" })
        {
            var copy = $"""
                SELECT c."Id" FROM "Participants" c
                JOIN "ParticipantLists" l ON l."Id" = c."ListId"
                JOIN "MigrationSeries" m ON m."Root" = l."SurveyId"
                JOIN "Waves" w ON w."SurveyId" = m."SurveyId"
                WHERE w."Id" = "{table}"."WaveId" AND c."Code" = CAST("{table}"."ParticipantId" AS TEXT)
                """;
            migrationBuilder.Sql($"""
                UPDATE "{table}" SET "ParticipantId" = ({copy})
                WHERE "ParticipantId" IN (SELECT o."Id" FROM "Participants" o
                                          WHERE EXISTS (SELECT 1 FROM "Participants" c WHERE c."Code" = CAST(o."Id" AS TEXT)))
                  AND EXISTS ({copy});
                """);
        }
        migrationBuilder.Sql("""UPDATE "Participants" SET "Code" = NULL WHERE "Code" IS NOT NULL;""");
        migrationBuilder.Sql("""DROP TABLE "MigrationMembers";""");
        migrationBuilder.Sql("""DROP TABLE "MigrationSeries";""");
    }
}
