using KooDrive.ApiSurface.Surface;

namespace KooDrive.ApiSurface.Tests.Surface;

public class SurfaceDiffTests
{
    [Fact]
    public void Equal_listings_have_an_empty_diff()
    {
        var diff = SurfaceDiff.Compare(["A: public class", "A.X: public int { get; }"], ["A: public class", "A.X: public int { get; }"]);

        Assert.True(diff.IsEmpty);
        Assert.Equal(string.Empty, diff.ToDiffText());
    }

    [Fact]
    public void A_changed_member_is_one_removed_and_one_added_line_side_by_side()
    {
        var diff = SurfaceDiff.Compare(
            ["A: public class", "A.B: public int { get; }", "A.X: public string? { get; set; }"],
            ["A: public class", "A.X: public System.DateTimeOffset? { get; set; }", "A.Y: public string? { get; set; }"]);

        Assert.Equal(["A.B: public int { get; }", "A.X: public string? { get; set; }"], diff.Removed);
        Assert.Equal(["A.X: public System.DateTimeOffset? { get; set; }", "A.Y: public string? { get; set; }"], diff.Added);
        Assert.Equal(
            "-A.B: public int { get; }\n-A.X: public string? { get; set; }\n+A.X: public System.DateTimeOffset? { get; set; }\n+A.Y: public string? { get; set; }\n",
            diff.ToDiffText());
    }

    [Fact]
    public void Overloads_of_one_name_stay_together_in_the_diff()
    {
        var diff = SurfaceDiff.Compare(["A.M(int a): public void"], ["A.M(long a): public void", "A.N(): public void"]);

        Assert.Equal("-A.M(int a): public void\n+A.M(long a): public void\n+A.N(): public void\n", diff.ToDiffText());
    }

    [Fact]
    public void Repeated_lines_count_as_many_times_as_they_occur()
    {
        var diff = SurfaceDiff.Compare(["A", "A"], ["A"]);

        Assert.Equal(["A"], diff.Removed);
        Assert.Empty(diff.Added);
    }
}
