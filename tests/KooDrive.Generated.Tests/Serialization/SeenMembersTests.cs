using KooDrive.Generated.Serialization;

namespace KooDrive.Generated.Tests.Serialization;

public class SeenMembersTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Each_member_is_added_once_and_only_added_members_are_contained(int count)
    {
        var seen = new SeenMembers(count);
        var added = Enumerable.Range(0, count).Where(i => i % 3 != 1).ToArray();

        Assert.All(added, i => Assert.True(seen.Add(i)));
        Assert.All(added, i => Assert.False(seen.Add(i)));
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(i % 3 != 1, seen.Contains(i)));
    }
}
