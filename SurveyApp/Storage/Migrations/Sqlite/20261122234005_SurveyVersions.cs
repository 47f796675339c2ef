using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyApp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PreviousVersionId",
                table: "Surveys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Surveys",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_PreviousVersionId",
                table: "Surveys",
                column: "PreviousVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_Surveys_Surveys_PreviousVersionId",
                table: "Surveys",
                column: "PreviousVersionId",
                principalTable: "Surveys",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Surveys_Surveys_PreviousVersionId",
                table: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_PreviousVersionId",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "PreviousVersionId",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Surveys");
        }
    }
}
