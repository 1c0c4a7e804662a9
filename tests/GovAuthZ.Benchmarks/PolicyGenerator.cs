using System.Globalization;
using GovAuthZ.Policy.Evaluation;

namespace GovAuthZ.Benchmarks;

/// <summary>
/// Builds the benchmark policies in code from fixed seeds, so every run (and every machine) measures the same
/// rules. Objects are shared between roles, as in real policies, so a role's bucket is not trivially unique.
/// </summary>
internal static class PolicyGenerator
{
    private const int Seed = 20261123;
    private static readonly string[] Actions = ["read", "write"];
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE"];

    /// <summary>
    /// <paramref name="roles"/> roles with <paramref name="rules"/> / roles rules each (objects drawn from a shared
    /// pool, both actions), users holding one to three roles, and the first tenth of the roles inheriting another.
    /// </summary>
    public static GeneratedPolicy Rbac(int users, int roles, int rules)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        return Rbac(text, users, roles, rules) with { Text = text.ToString() };
    }

    /// <summary>The same policy written to <paramref name="text"/>; the result's Text is empty.</summary>
    public static GeneratedPolicy Rbac(TextWriter text, int users, int roles, int rules)
    {
        var random = new Random(Seed);
        var objectsPerRole = rules / roles / Actions.Length;
        var pool = objectsPerRole * 20;
        var grants = new HashSet<string>[roles];
        for (var role = 0; role < roles; role++)
        {
            grants[role] = DistinctObjects(random, objectsPerRole, pool);
            foreach (var obj in grants[role])
            {
                foreach (var action in Actions)
                {
                    Line(text, "p", Name("role", role), obj, action);
                }
            }
        }

        var userRoles = AssignRoles(random, text, users, roles, null);
        for (var role = 0; role < roles / 10; role++)
        {
            Line(text, "g", Name("role", role), Name("role", role + (roles / 2)));
        }

        // The request user holds roles beyond the first tenth, so the decision reads its direct role buckets.
        var user = users / 2;
        var held = userRoles[user];
        var allowedObject = First(grants[held[^1]]);
        var deniedObject = FirstNotGranted(grants, held, pool);
        return new GeneratedPolicy(string.Empty, rules, [Name("user", user), allowedObject, "write"], [Name("user", user), deniedObject, "write"]);
    }

    /// <summary>RBAC with domains: every role has the same number of rules in each domain; users hold roles in some domains.</summary>
    public static GeneratedPolicy RbacWithDomains(int users, int roles, int domains, int rules)
    {
        var random = new Random(Seed);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var objectsPerRole = rules / roles / domains / Actions.Length;
        var pool = objectsPerRole * 20;
        var grants = new HashSet<string>[roles];
        for (var role = 0; role < roles; role++)
        {
            grants[role] = DistinctObjects(random, objectsPerRole, pool);
            for (var domain = 0; domain < domains; domain++)
            {
                foreach (var obj in grants[role])
                {
                    foreach (var action in Actions)
                    {
                        Line(text, "p", Name("role", role), Name("domain", domain), obj, action);
                    }
                }
            }
        }

        var userRoles = AssignRoles(random, text, users, roles, Name("domain", domains - 1));
        var user = users / 2;
        var held = userRoles[user];
        var domainName = Name("domain", domains - 1);
        Value[] allowed = [Name("user", user), domainName, First(grants[held[^1]]), "read"];
        Value[] denied = [Name("user", user), domainName, FirstNotGranted(grants, held, pool), "read"];
        return new GeneratedPolicy(text.ToString(), rules, allowed, denied);
    }

    /// <summary>
    /// ABAC with the condition in the rule: each (object, action) has five rules differing in the department
    /// they admit, so a decision evaluates several eval() conditions before one holds.
    /// </summary>
    public static GeneratedPolicy AbacEval(int rules)
    {
        const int Variants = 5;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var objects = rules / Variants / Actions.Length;
        for (var obj = 0; obj < objects; obj++)
        {
            foreach (var action in Actions)
            {
                for (var variant = 0; variant < Variants; variant++)
                {
                    var condition = string.Create(CultureInfo.InvariantCulture, $"\"r.sub.level >= {variant + 1} && r.sub.department == 'dept{variant}'\"");
                    Line(text, "p", condition, Name("record", obj), action);
                }
            }
        }

        var subject = Subject(level: 5, department: "dept3");
        var record = Name("record", objects / 2);
        return new GeneratedPolicy(text.ToString(), rules, [subject, record, "read"], [Subject(level: 1, department: "dept3"), record, "read"]);
    }

    /// <summary>
    /// ABAC comparing a request attribute with a policy field: each (object, action) admits five departments,
    /// so a decision compares r.sub.department with several rules of its bucket.
    /// </summary>
    public static GeneratedPolicy AbacAttribute(int rules)
    {
        const int Departments = 5;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var objects = rules / Departments / Actions.Length;
        for (var obj = 0; obj < objects; obj++)
        {
            foreach (var action in Actions)
            {
                for (var department = 0; department < Departments; department++)
                {
                    Line(text, "p", Name("dept", department), Name("record", obj), action);
                }
            }
        }

        var record = Name("record", objects / 2);
        return new GeneratedPolicy(text.ToString(), rules, [Subject(3, "dept3"), record, "read"], [Subject(3, "dept9"), record, "read"]);
    }

    /// <summary>REST rules: every subject may call each of the path patterns with one HTTP method.</summary>
    public static GeneratedPolicy KeyMatch2(int subjects, int patterns)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        for (var subject = 0; subject < subjects; subject++)
        {
            for (var pattern = 0; pattern < patterns; pattern++)
            {
                Line(text, "p", Name("service", subject), Pattern(pattern), Methods[pattern % Methods.Length]);
            }
        }

        // A pattern late in its (subject, method) bucket, so the search tries most of the bucket first.
        var target = patterns - 3;
        var path = string.Create(CultureInfo.InvariantCulture, $"/api/v2/res{target}/4711/items/17");
        var method = Methods[target % Methods.Length];
        var subjectName = Name("service", subjects / 2);
        return new GeneratedPolicy(text.ToString(), subjects * patterns, [subjectName, path, method], [subjectName, path + "/history", method]);
    }

    private static string Pattern(int index) => index % 2 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"/api/v1/res{index}/:id")
        : string.Create(CultureInfo.InvariantCulture, $"/api/v2/res{index}/:id/items/:item");

    private static List<int>[] AssignRoles(Random random, TextWriter text, int users, int roles, string? domain)
    {
        var assigned = new List<int>[users];
        for (var user = 0; user < users; user++)
        {
            assigned[user] = [];
            var count = 1 + random.Next(3);
            while (assigned[user].Count < count)
            {
                // Roles from the upper nine tenths: the lower tenth inherit, and are held through them.
                var role = (roles / 10) + random.Next(roles - (roles / 10));
                if (assigned[user].Contains(role))
                {
                    continue;
                }

                assigned[user].Add(role);
                if (domain is null)
                {
                    Line(text, "g", Name("user", user), Name("role", role));
                }
                else
                {
                    Line(text, "g", Name("user", user), Name("role", role), domain);
                }
            }
        }

        return assigned;
    }

    private static HashSet<string> DistinctObjects(Random random, int count, int pool)
    {
        var objects = new HashSet<string>(StringComparer.Ordinal);
        while (objects.Count < count)
        {
            objects.Add(Name("data", random.Next(pool)));
        }

        return objects;
    }

    private static string First(HashSet<string> objects)
    {
        foreach (var obj in objects)
        {
            return obj;
        }

        throw new InvalidOperationException("a role without rules");
    }

    private static string FirstNotGranted(HashSet<string>[] grants, List<int> held, int pool)
    {
        for (var index = 0; index < pool; index++)
        {
            var candidate = Name("data", index);
            if (!held.Exists(role => grants[role].Contains(candidate)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("every object is granted");
    }

    private static Value Subject(int level, string department) => Value.FromObject(new AttributeObject(
    [
        new("level", Value.FromNumber(level)),
        new("department", department),
    ]));

    private static string Name(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}");

    private static void Line(TextWriter text, string type, params ReadOnlySpan<string> fields)
    {
        text.Write(type);
        foreach (var field in fields)
        {
            text.Write(", ");
            text.Write(field);
        }

        text.Write('\n');
    }
}
