using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Actuarial.Cluster;

/// <summary>Where a silo listens and how it finds the others (docs/cluster.md).</summary>
public sealed record SiloSettings
{
    /// <summary>Port silos talk to each other on (default 11111).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Port clients connect to (default 30000); what <c>--cluster host:port</c> names.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The first silo's silo-to-silo endpoint (host:port) for development clustering across machines; null on
    /// the first silo itself, and for a single machine (localhost clustering).</summary>
    public string? PrimarySilo { get; init; }

    /// <summary>The address other machines reach this silo at (null: loopback, one machine only).</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>The cluster's id (every silo and client of a cluster gives the same).</summary>
    public string ClusterId { get; init; } = ClusterHosting.DefaultClusterId;

    /// <summary>The service's id.</summary>
    public string ServiceId { get; init; } = ClusterHosting.DefaultServiceId;
}

/// <summary>Silo and client configuration of the Actuarial cluster.</summary>
public static class ClusterHosting
{
    /// <summary>Default cluster id.</summary>
    public const string DefaultClusterId = "actuarial";

    /// <summary>Default service id.</summary>
    public const string DefaultServiceId = "actuarial";

    /// <summary>
    /// How long a shard call may take (the <c>[ResponseTimeout]</c> of the grains' Run methods): a shard of many paths
    /// runs for minutes, longer than Orleans' default of 30 s, which every other call keeps. A silo that dies does not make
    /// the client wait this long: <see cref="ClusterJobs"/> watches the membership and runs the shards of a dead silo again.
    /// </summary>
    public static TimeSpan ShardCallTimeout { get; } = TimeSpan.FromHours(6);

    /// <summary>What every Actuarial silo needs whatever its clustering: the evaluator cache.</summary>
    public static ISiloBuilder AddActuarialGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<EvaluatorCache>();
        return silo;
    }

    /// <summary>What every client needs (nothing beyond Orleans' defaults today; kept so that silos and clients are configured in one place).</summary>
    public static IClientBuilder AddActuarialClient(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client;
    }

    /// <summary>A silo host with development clustering: localhost alone, or with <see cref="SiloSettings.PrimarySilo"/>
    /// a cluster of machines that all name the first silo (for a trial; a production cluster uses a membership table,
    /// docs/cluster.md).</summary>
    public static IHost BuildSilo(SiloSettings settings, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Host.CreateDefaultBuilder()
            .ConfigureLogging(l =>
            {
                l.ClearProviders();
                if (logging is not null) logging(l);
            })
            .UseOrleans(silo =>
            {
                if (settings.PrimarySilo is null && settings.AdvertisedAddress is null)
                {
                    silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
                }
                else
                {
                    var primary = settings.PrimarySilo is null ? null : ParseEndpoint(settings.PrimarySilo, "--primary");
                    var advertised = settings.AdvertisedAddress is null ? IPAddress.Loopback : IPAddress.Parse(settings.AdvertisedAddress);
                    silo.UseDevelopmentClustering(primary ?? new IPEndPoint(advertised, settings.SiloPort));
                    silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                    silo.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = settings.ClusterId;
                        o.ServiceId = settings.ServiceId;
                    });
                }
                silo.AddActuarialGrains();
            })
            .Build();
    }

    /// <summary>A client host connected to the gateway at <paramref name="gateway"/> (host:port; several separated by commas).</summary>
    public static IHost BuildClient(string gateway, string clusterId = DefaultClusterId, string serviceId = DefaultServiceId)
    {
        var endpoints = gateway.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => ParseEndpoint(g, "--cluster")).ToArray();
        if (endpoints.Length == 0) throw new ArgumentException("--cluster needs a gateway host:port", nameof(gateway));
        return Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(endpoints);
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = serviceId;
                });
                client.AddActuarialClient();
            })
            .Build();
    }

    /// <summary>Active silos of the cluster (for the default shard count).</summary>
    public static async Task<int> ActiveSilosAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Count;
    }

    /// <summary>An endpoint from "host:port" (a name is resolved; "localhost" is loopback).</summary>
    /// <exception cref="ArgumentException">Not host:port with a port in 1..65535.</exception>
    public static IPEndPoint ParseEndpoint(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
        {
            throw new ArgumentException($"{what}: '{text}' is not host:port (a port in 1..65535), e.g. localhost:30000");
        }
        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip)) return new IPEndPoint(ip, port);
        if (host == "localhost") return new IPEndPoint(IPAddress.Loopback, port);
        var addresses = Dns.GetHostAddresses(host);
        var v4 = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"{what}: host '{host}' has no address");
        return new IPEndPoint(v4, port);
    }
}
