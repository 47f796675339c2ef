using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyApp.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneSidedScales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Bipolar",
                table: "Scales",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Bipolar",
                table: "Scales");
        }
    }
}
