namespace FlowCompiler.Bench.Suites;

/// <summary>The conditions of the predicate suite, each a flow filter and the same RulesEngine rule.</summary>
public enum PredicateCondition
{
    /// <summary><c>cpu &gt;= 8</c>: an int comparison.</summary>
    CpuAtLeast8,

    /// <summary><c>hostname startsWith "WEB-"</c>, ignoring case.</summary>
    HostnameStartsWith,

    /// <summary><c>charges.amount &gt; 10</c>: true when any charge matches (the third one does).</summary>
    AnyChargeAbove10,
}
