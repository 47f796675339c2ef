using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyApp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParticipantLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Participants",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ListId",
                table: "Participants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ParticipantLists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantLists_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            ParticipantListsData.Move(migrationBuilder, "strftime('%Y-%m-%d %H:%M:%S', 'now') || '+00:00'");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_ListId_Code",
                table: "Participants",
                columns: new[] { "ListId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantLists_SurveyId",
                table: "ParticipantLists",
                column: "SurveyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Participants_ParticipantLists_ListId",
                table: "Participants",
                column: "ListId",
                principalTable: "ParticipantLists",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Participants_ParticipantLists_ListId",
                table: "Participants");

            migrationBuilder.DropTable(
                name: "ParticipantLists");

            migrationBuilder.DropIndex(
                name: "IX_Participants_ListId_Code",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "ListId",
                table: "Participants");
        }
    }
}
