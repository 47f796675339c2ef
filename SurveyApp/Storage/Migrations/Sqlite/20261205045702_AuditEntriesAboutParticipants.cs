using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyApp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditEntriesAboutParticipants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ParticipantId",
                table: "AuditLog",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ParticipantId",
                table: "AuditLog",
                column: "ParticipantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditLog_ParticipantId",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "ParticipantId",
                table: "AuditLog");
        }
    }
}
