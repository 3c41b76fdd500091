using System;
using System.Collections.Generic;
using System.Linq;

namespace Heat.Client.Analysis
{
    /// <summary>
    /// Which intrinsic functions each template version has, as Heat's own template classes declare them
    /// (heat/engine/hot/template.py and cfn/template.py; the release names are the aliases setup.cfg registers).
    /// A function Heat does not have for a version is not an error at parse time: Heat reads the one-key map as
    /// plain data, or refuses it as "removed" only when it is resolved, so the analyzer says so first.
    /// </summary>
    public static class TemplateFunctions
    {
        private static readonly string[] Hot20130523 =
        {
            "Fn::GetAZs", "get_param", "get_resource", "Ref", "get_attr", "Fn::Select", "Fn::Join", "list_join", "Fn::Split", "str_replace",
            "Fn::Replace", "Fn::Base64", "Fn::MemberListToMap", "resource_facade", "Fn::ResourceFacade", "get_file",
        };

        private static readonly string[] Hot20141016 = { "get_attr", "get_file", "get_param", "get_resource", "list_join", "resource_facade", "str_replace", "Fn::Select" };
        private static readonly string[] Hot20150430 = Hot20141016.Concat(new[] { "repeat", "digest" }).ToArray();
        private static readonly string[] Hot20151015 = Hot20150430.Where(f => f != "Fn::Select").Concat(new[] { "str_split" }).ToArray();
        private static readonly string[] Hot20160408 = Hot20151015.Concat(new[] { "map_merge" }).ToArray();
        private static readonly string[] Hot20161014 = Hot20160408.Concat(new[] { "yaql", "map_replace", "if" }).ToArray();
        private static readonly string[] Hot20170224 = Hot20161014.Concat(new[] { "filter", "str_replace_strict" }).ToArray();
        private static readonly string[] Hot20170901 = Hot20170224.Concat(new[] { "make_url", "list_concat", "str_replace_vstrict", "list_concat_unique", "contains" }).ToArray();

        private static readonly string[] Conditions20161014 = { "get_param", "equals", "not", "and", "or" };
        private static readonly string[] Conditions20170901 = Conditions20161014.Concat(new[] { "yaql", "contains" }).ToArray();

        private static readonly string[] CfnFunctions =
        {
            "Fn::FindInMap", "Fn::GetAZs", "Ref", "Fn::GetAtt", "Fn::Select", "Fn::Join", "Fn::Split", "Fn::Replace", "Fn::Base64",
            "Fn::MemberListToMap", "Fn::ResourceFacade", "Fn::If",
        };

        private static readonly string[] CfnConditions = { "Fn::Equals", "Ref", "Fn::FindInMap", "Fn::Not", "Fn::And", "Fn::Or" };

        private static readonly Dictionary<string, (string[] Functions, string[] Conditions)> Hot = new Dictionary<string, (string[], string[])>(StringComparer.Ordinal)
        {
            ["2013-05-23"] = (Hot20130523, Array.Empty<string>()),
            ["2014-10-16"] = (Hot20141016, Array.Empty<string>()),
            ["2015-04-30"] = (Hot20150430, Array.Empty<string>()),
            ["2015-10-15"] = (Hot20151015, Array.Empty<string>()),
            ["2016-04-08"] = (Hot20160408, Array.Empty<string>()),
            ["2016-10-14"] = (Hot20161014, Conditions20161014),
            ["newton"] = (Hot20161014, Conditions20161014),
            ["2017-02-24"] = (Hot20170224, Conditions20161014),
            ["ocata"] = (Hot20170224, Conditions20161014),
            ["2017-09-01"] = (Hot20170901, Conditions20170901),
            ["pike"] = (Hot20170901, Conditions20170901),
            ["2018-03-02"] = (Hot20170901, Conditions20170901),
            ["queens"] = (Hot20170901, Conditions20170901),
            ["2018-08-31"] = (Hot20170901, Conditions20170901),
            ["rocky"] = (Hot20170901, Conditions20170901),
            ["2021-04-16"] = (Hot20170901, Conditions20170901),
            ["wallaby"] = (Hot20170901, Conditions20170901),
        };

        /// <summary>The HOT versions the table knows, dates and release names.</summary>
        public static IEnumerable<string> HotVersions => Hot.Keys;

        /// <summary>The functions a version has, for its resources and outputs; null for a version the table does not know.</summary>
        public static IReadOnlyCollection<string>? For(bool hot, string? version) =>
            !hot ? CfnFunctions : version != null && Hot.TryGetValue(version, out var set) ? set.Functions : null;

        /// <summary>The functions a version allows in its conditions section; null for a version the table does not know.</summary>
        public static IReadOnlyCollection<string>? ForConditions(bool hot, string? version) =>
            !hot ? CfnConditions : version != null && Hot.TryGetValue(version, out var set) ? set.Conditions : null;

        /// <summary>The first HOT version (by date) that has <paramref name="function"/>, for advice; null when none has it.</summary>
        public static string? FirstHotVersionWith(string function) =>
            Hot.Where(v => char.IsDigit(v.Key[0]) && v.Value.Functions.Contains(function)).Select(v => v.Key).OrderBy(v => v, StringComparer.Ordinal).FirstOrDefault();
    }
}
