using System.Globalization;
using Actuarial.IO;

namespace Actuarial.Dimensions;

/// <summary>
/// Persons by [region, sex, education, age] at one date: an immutable grid in the flat layout of
/// <see cref="PopulationShape"/>. Counts are finite and non-negative.
/// </summary>
public sealed class PopulationGrid
{
    private readonly double[] _persons;

    /// <summary>Creates a grid; the array is copied and checked (no negative or non-finite counts).</summary>
    /// <param name="shape">The regions on the grid.</param>
    /// <param name="persons">Counts in the flat layout of <see cref="PopulationShape.Index"/>.</param>
    /// <param name="source">Name used in error messages.</param>
    internal PopulationGrid(PopulationShape shape, ReadOnlySpan<double> persons, string source = "population")
    {
        if (persons.Length != shape.CellCount)
        {
            throw new InputDataException(source, null, "cells", persons.Length.ToString(CultureInfo.InvariantCulture),
                $"{shape.CellCount} cells ({shape.RegionCount} regions × 2 sexes × 6 education levels × 101 ages)");
        }
        for (int i = 0; i < persons.Length; i++)
        {
            double v = persons[i];
            if (!double.IsFinite(v) || v < 0)
            {
                throw new InputDataException(source, null, DescribeCell(shape, i), v.ToString("R", CultureInfo.InvariantCulture), "a count of persons ≥ 0");
            }
        }
        Shape = shape;
        _persons = persons.ToArray();
    }

    /// <summary>The grid's shape.</summary>
    internal PopulationShape Shape { get; }

    /// <summary>All counts in the flat layout.</summary>
    internal ReadOnlySpan<double> Persons => _persons;

    /// <summary>Persons in one cell.</summary>
    internal double this[int region, Sex sex, EducationLevel education, int age] => _persons[PopulationShape.Index(region, sex, education, age)];

    /// <summary>Total persons.</summary>
    public double Total => System.Numerics.Tensors.TensorPrimitives.Sum<double>(_persons);

    /// <summary>The national sum of a multi-region grid (one region, <see cref="Regions.China"/>).</summary>
    public PopulationGrid ToNational()
    {
        var national = new double[PopulationShape.CellsPerRegion];
        for (int r = 0; r < Shape.RegionCount; r++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(national, _persons.AsSpan(r * PopulationShape.CellsPerRegion, PopulationShape.CellsPerRegion), national);
        }
        return new PopulationGrid(new PopulationShape([Regions.China]), national, "national sum");
    }

    /// <summary>Describes a flat index as "region, sex, education, age" for messages.</summary>
    internal static string DescribeCell(PopulationShape shape, int index)
    {
        int age = index % Ages.Count;
        int rest = index / Ages.Count;
        var education = (EducationLevel)(rest % EducationLevels.Count);
        rest /= EducationLevels.Count;
        var sex = (Sex)(rest % Sexes.Count);
        int region = rest / Sexes.Count;
        string regionName = region < shape.RegionCount ? shape.Regions[region].EnglishName : $"region {region}";
        return $"persons[{regionName}, {sex.Label()}, {education.Label()}, age {Ages.Label(age)}]";
    }
}
