namespace Actuarial.Dimensions;

/// <summary>
/// The shape of the population grid, [region, sex, education, age], stored as one contiguous array with age
/// fastest. The age run of one (region, sex, education) triple is a contiguous span of <see cref="Ages.Count"/>
/// cells, which is what the projection kernels vectorise over.
/// </summary>
internal readonly record struct PopulationShape
{
    /// <summary>Creates a shape for the given regions.</summary>
    public PopulationShape(IReadOnlyList<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        if (regions.Count == 0) throw new ArgumentException("a population needs at least one region", nameof(regions));
        Regions = regions;
    }

    /// <summary>The regions along the first axis, in grid order.</summary>
    public IReadOnlyList<Region> Regions { get; }

    /// <summary>Number of regions.</summary>
    public int RegionCount => Regions.Count;

    /// <summary>Cells in one region: sexes × education levels × ages.</summary>
    public const int CellsPerRegion = Sexes.Count * EducationLevels.Count * Ages.Count;

    /// <summary>Cells in one (region, sex): education levels × ages.</summary>
    public const int CellsPerSex = EducationLevels.Count * Ages.Count;

    /// <summary>Total number of cells.</summary>
    public int CellCount => RegionCount * CellsPerRegion;

    /// <summary>Flat index of a cell.</summary>
    public static int Index(int region, Sex sex, EducationLevel education, int age) =>
        ((region * Sexes.Count + (int)sex) * EducationLevels.Count + (int)education) * Ages.Count + age;

    /// <summary>Flat index of the first age (0) of a (region, sex, education) run.</summary>
    internal static int RunStart(int region, Sex sex, EducationLevel education) => Index(region, sex, education, 0);
}
