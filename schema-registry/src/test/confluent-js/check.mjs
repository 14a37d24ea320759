#!/usr/bin/env node
// Drives Confluent's own JavaScript Schema Registry client (@confluentinc/schemaregistry) against our
// registry, to prove wire-format and REST compatibility. Run by schema-registry's ConfluentJavaScriptClientIT.
//
//   node check.mjs <registryUrl> decode <inFile>             prints the decoded record as JSON
//   node check.mjs <registryUrl> encode <jsonFile> <outFile>  writes a record in Confluent's wire format
//   node check.mjs <registryUrl> api                         exercises the client's REST calls, prints a JSON summary
//
// Values are Avro's underlying types: the library hands its config straight to avsc (5.x), which has no
// built-in logical types, so uuid is a string, timestamp-millis a long (epoch millis) and date an int
// (days since 1970-01-01). Longs are BigInts here (no precision loss) and are printed as decimal strings;
// in the JSON given to `encode` a long may be a number or a decimal string.
// Exit codes: 0 ok, 1 failure (details on stderr, or in the api summary), 2 usage.

import { readFileSync, writeFileSync } from 'node:fs';
import avro from 'avsc';
import {
    AvroDeserializer,
    AvroSerializer,
    RestError,
    SchemaRegistryClient,
    SerdeType,
} from '@confluentinc/schemaregistry';

const TOPIC = 'bdss.settlement.entries';
const SUBJECT = `${TOPIC}-value`;
const PROBE_SUBJECT = 'compat.confluent-js.probe-value';

const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;

/** An avsc long backed by BigInt: avsc's default long throws beyond 2^53. */
const BigIntLong = avro.types.LongType.__with({
    fromBuffer: (buf) => buf.readBigInt64LE(0),
    toBuffer: (n) => {
        const buf = Buffer.alloc(8);
        buf.writeBigInt64LE(BigInt(n), 0);
        return buf;
    },
    fromJSON: (x) => BigInt(x),
    toJSON: (n) => n.toString(),
    isValid: (n) => typeof n === 'bigint' && n >= MIN_LONG && n <= MAX_LONG,
    compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
});

/**
 * avsc options for the serdes (AvroSerializerConfig / AvroDeserializerConfig extend avsc's ForSchemaOptions).
 * The type hook maps every long, including a logical-typed one such as timestamp-millis, to BigIntLong.
 */
function avroOptions() {
    return {
        typeHook: (schema) => (schema === 'long' || (schema && typeof schema === 'object' && schema.type === 'long'))
            ? BigIntLong
            : undefined,
    };
}

function usage(message) {
    if (message) {
        process.stderr.write(`${message}\n`);
    }
    process.stderr.write('usage: node check.mjs <registryUrl> decode <inFile>\n'
        + '       node check.mjs <registryUrl> encode <jsonFile> <outFile>\n'
        + '       node check.mjs <registryUrl> api\n');
    process.exit(2);
}

/** JSON with BigInt as decimal strings. */
function toJson(value, indent = 2) {
    return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v), indent);
}

/** Every HTTP exchange the client makes, read off its axios instance (a private field: best effort). */
function traceRequests(client) {
    const exchanges = [];
    const axios = client.restService?.client;
    if (!axios?.interceptors) {
        return exchanges;
    }
    const record = (config, response) => {
        const url = new URL(config.url, config.baseURL);
        exchanges.push({
            method: (config.method ?? 'get').toUpperCase(),
            path: url.pathname + url.search,
            body: config.data === undefined ? undefined : parseMaybe(config.data),
            status: response?.status ?? null,
            response: response?.data,
        });
    };
    axios.interceptors.response.use(
        (response) => {
            record(response.config, response);
            return response;
        },
        (error) => {
            if (error?.config) {
                record(error.config, error.response);
            }
            return Promise.reject(error);
        });
    return exchanges;
}

function parseMaybe(data) {
    if (typeof data !== 'string') {
        return data;
    }
    try {
        return JSON.parse(data);
    } catch {
        return data;
    }
}

function newClient(url) {
    return new SchemaRegistryClient({ baseURLs: [url], maxRetries: 0, createAxiosDefaults: { timeout: 10000 } });
}

/** Converts plain JSON to the values avsc expects for the given type (BigInt longs, defaults for absent fields). */
function fromJson(type, value) {
    switch (type.typeName) {
        case 'abstract:long':
            return typeof value === 'bigint' ? value : BigInt(value);
        case 'long':
            return Number(value);
        case 'record': {
            const out = {};
            for (const field of type.fields) {
                const present = value != null && Object.prototype.hasOwnProperty.call(value, field.name);
                const fieldValue = present ? value[field.name] : field.defaultValue();
                out[field.name] = fieldValue === undefined ? undefined : fromJson(field.type, fieldValue);
            }
            return out;
        }
        case 'union:unwrapped': {
            if (value === null && type.types.some((t) => t.typeName === 'null')) {
                return null;
            }
            for (const branch of type.types) {
                if (branch.typeName === 'null') {
                    continue;
                }
                try {
                    const converted = fromJson(branch, value);
                    if (branch.isValid(converted)) {
                        return converted;
                    }
                } catch {
                    // try the next branch
                }
            }
            return value;
        }
        case 'union:wrapped': {
            if (value === null) {
                return null;
            }
            const [branchName] = Object.keys(value);
            const branch = type.types.find((t) => t.branchName === branchName);
            return branch ? { [branchName]: fromJson(branch, value[branchName]) } : value;
        }
        case 'array':
            return value.map((item) => fromJson(type.itemsType, item));
        case 'map':
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(type.valuesType, v)]));
        default:
            return value;
    }
}

async function decode(url, inFile) {
    const client = newClient(url);
    const exchanges = traceRequests(client);
    const deserializer = new AvroDeserializer(client, SerdeType.VALUE, avroOptions());
    const payload = readFileSync(inFile);
    try {
        const record = await deserializer.deserialize(TOPIC, payload);
        process.stdout.write(`${toJson({ ...record })}\n`);
    } catch (error) {
        process.stderr.write(`decode failed: ${describe(error)}\nrequests: ${toJson(exchanges)}\n`);
        process.exit(1);
    }
}

async function encode(url, jsonFile, outFile) {
    const client = newClient(url);
    const exchanges = traceRequests(client);
    const serializer = new AvroSerializer(client, SerdeType.VALUE,
        { useLatestVersion: true, autoRegisterSchemas: false, ...avroOptions() });
    try {
        const latest = await client.getLatestSchemaMetadata(SUBJECT);
        const [type] = await serializer.toType(latest);
        const record = fromJson(type, JSON.parse(readFileSync(jsonFile, 'utf8')));
        const bytes = await serializer.serialize(TOPIC, record);
        writeFileSync(outFile, bytes);
        process.stdout.write(`${toJson({
            subject: SUBJECT,
            schemaId: bytes.readInt32BE(1),
            latestId: latest.id,
            latestVersion: latest.version,
            bytes: bytes.length,
        })}\n`);
    } catch (error) {
        process.stderr.write(`encode failed: ${describe(error)}\nrequests: ${toJson(exchanges)}\n`);
        process.exit(1);
    }
}

function describe(error) {
    if (error instanceof RestError) {
        return `RestError status=${error.status} errorCode=${error.errorCode} message=${error.message}`;
    }
    return error?.stack ?? String(error);
}

async function api(url) {
    const client = newClient(url);
    const exchanges = traceRequests(client);
    const steps = [];
    let freshExchanges = [];

    /**
     * Runs one client call. expect: 'success', or { status, errorCode } for an error the API defines.
     * check(result) may return a string naming what is wrong with a successful result.
     * An optional step is reported but does not fail the run.
     */
    async function step(name, call, { expect = 'success', check, optional = false } = {}) {
        const from = exchanges.length;
        const entry = { name, optional };
        try {
            const result = await call();
            entry.result = result;
            const problem = expect === 'success' ? (check ? check(result) : null) : 'expected an error, got success';
            entry.ok = !problem;
            if (problem) {
                entry.problem = problem;
            }
        } catch (error) {
            entry.error = error instanceof RestError
                ? { status: error.status, errorCode: error.errorCode, message: error.message }
                : { message: describe(error) };
            entry.ok = expect !== 'success'
                && error instanceof RestError
                && (expect.status == null || expect.status === error.status)
                && (expect.errorCode == null || expect.errorCode === error.errorCode);
        }
        const made = [...exchanges.slice(from), ...freshExchanges.splice(0)];
        entry.requests = made.map(({ method, path, status, body }) =>
            ({ method, path, status, ...(entry.ok ? {} : { body }) }));
        steps.push(entry);
        return entry.result;
    }

    const latest = await step('getLatestSchemaMetadata', () => client.getLatestSchemaMetadata(SUBJECT), {
        check: (r) => (r?.id > 0 && r?.version > 0 && typeof r?.schema === 'string' ? null : 'missing id/version/schema'),
    });
    if (!latest) {
        finish(steps);
        return;
    }
    const info = { schemaType: 'AVRO', schema: latest.schema };
    const parsed = JSON.parse(latest.schema);
    const evolved = {
        schemaType: 'AVRO',
        schema: JSON.stringify({
            ...parsed,
            fields: [...parsed.fields, { name: 'compatProbeNote', type: ['null', 'string'], default: null }],
        }),
    };
    const incompatible = {
        schemaType: 'AVRO',
        schema: JSON.stringify({
            ...parsed,
            fields: [...parsed.fields, { name: 'compatProbeRequired', type: 'string' }],
        }),
    };
    const sameSchema = (r) => (JSON.stringify(JSON.parse(r.schema)) === JSON.stringify(parsed) ? null : 'schema differs');

    await step('getAllSubjects', () => client.getAllSubjects(),
        { check: (r) => (Array.isArray(r) && r.includes(SUBJECT) ? null : `${SUBJECT} not listed`) });
    await step('getBySubjectAndId', () => client.getBySubjectAndId(SUBJECT, latest.id), { check: sameSchema });
    await step('getSchemaMetadata', () => client.getSchemaMetadata(SUBJECT, latest.version),
        { check: (r) => (r.id === latest.id && r.version === latest.version ? null : 'id/version differ') });
    await step('getAllVersions', () => client.getAllVersions(SUBJECT),
        { check: (r) => (Array.isArray(r) && r.includes(latest.version) ? null : 'latest version not listed') });
    await step('getId', () => client.getId(SUBJECT, info),
        { check: (r) => (r === latest.id ? null : `id ${r} != ${latest.id}`) });
    await step('getVersion', () => client.getVersion(SUBJECT, info),
        { check: (r) => (r === latest.version ? null : `version ${r} != ${latest.version}`) });
    // A client of its own, so that the answer comes from the registry and not from this client's cache.
    const fresh = newClient(url);
    freshExchanges = traceRequests(fresh);
    await step('register (same schema: idempotent)', () => fresh.register(SUBJECT, info),
        { check: (r) => (r === latest.id ? null : `id ${r} != ${latest.id}`) });
    await step('testSubjectCompatibility (compatible)', () => client.testSubjectCompatibility(SUBJECT, evolved),
        { check: (r) => (r === true ? null : `got ${r}`) });
    await step('testSubjectCompatibility (incompatible)', () => client.testSubjectCompatibility(SUBJECT, incompatible),
        { check: (r) => (r === false ? null : `got ${r}`) });
    await step('testCompatibility (compatible, by version)',
        () => client.testCompatibility(SUBJECT, latest.version, evolved),
        { check: (r) => (r === true ? null : `got ${r}`) });
    await step('testCompatibility (incompatible, by version)',
        () => client.testCompatibility(SUBJECT, latest.version, incompatible),
        { check: (r) => (r === false ? null : `got ${r}`) });

    const probeV1 = await step('register (new subject)', () => client.register(PROBE_SUBJECT, info),
        { check: (r) => (Number.isInteger(r) && r > 0 ? null : `id ${r}`) });
    const probeV2 = await step('register (compatible evolution)', () => client.register(PROBE_SUBJECT, evolved),
        { check: (r) => (Number.isInteger(r) && r > 0 && r !== probeV1 ? null : `id ${r}`) });
    await step('register (incompatible: refused)', () => client.register(PROBE_SUBJECT, incompatible),
        { expect: { status: 409 } });
    await step('getAllVersions (new subject)', () => client.getAllVersions(PROBE_SUBJECT),
        { check: (r) => (JSON.stringify(r) === '[1,2]' ? null : `got ${JSON.stringify(r)}`) });
    await step('getLatestSchemaMetadata (new subject)', () => client.getLatestSchemaMetadata(PROBE_SUBJECT),
        { check: (r) => (r.id === probeV2 && r.version === 2 ? null : `got id ${r.id} version ${r.version}`) });
    await step('getLatestSchemaMetadata (unknown subject: 40401)',
        () => client.getLatestSchemaMetadata('compat.confluent-js.unknown-value'),
        { expect: { status: 404, errorCode: 40401 } });
    await step('getBySubjectAndId (unknown id: 40403)', () => client.getBySubjectAndId(SUBJECT, 987654),
        { expect: { status: 404, errorCode: 40403 } });

    await step('getDefaultCompatibility', () => client.getDefaultCompatibility(),
        { check: (r) => (typeof r === 'string' && r.length > 0 ? null : `got ${r}`) });
    await step('getDefaultConfig', () => client.getDefaultConfig(),
        { check: (r) => (r?.compatibilityLevel ? null : 'no compatibilityLevel') });
    await step('getCompatibility (no subject-level config: 40408)', () => client.getCompatibility(SUBJECT),
        { expect: { status: 404, errorCode: 40408 } });
    await step('updateCompatibility', () => client.updateCompatibility(PROBE_SUBJECT, 'FULL'),
        { check: (r) => (r === 'FULL' ? null : `got ${r}`) });
    await step('getCompatibility', () => client.getCompatibility(PROBE_SUBJECT),
        { check: (r) => (r === 'FULL' ? null : `got ${r}`) });
    await step('updateConfig', () => client.updateConfig(PROBE_SUBJECT, { compatibility: 'BACKWARD' }),
        { check: (r) => ((r?.compatibility ?? r?.compatibilityLevel) === 'BACKWARD' ? null : `got ${toJson(r, 0)}`) });
    await step('getConfig', () => client.getConfig(PROBE_SUBJECT),
        { check: (r) => (r?.compatibilityLevel === 'BACKWARD' ? null : `got ${toJson(r, 0)}`) });

    // Calls outside what the serdes need: reported, never failing the run.
    await step('getLatestWithMetadata (optional)', () => client.getLatestWithMetadata(PROBE_SUBJECT, { owner: 'bdss' }),
        { optional: true });
    await step('deleteSubjectVersion (optional)', () => client.deleteSubjectVersion(PROBE_SUBJECT, 2), { optional: true });
    await step('deleteSubject (optional)', () => client.deleteSubject(PROBE_SUBJECT), { optional: true });

    finish(steps);
}

function finish(steps) {
    const failed = steps.filter((s) => !s.ok && !s.optional);
    const summary = {
        ok: failed.length === 0 && steps.length > 0,
        passed: steps.filter((s) => s.ok).length,
        failed: failed.map((s) => s.name),
        optionalUnsupported: steps.filter((s) => !s.ok && s.optional).map((s) => s.name),
        steps,
    };
    process.stdout.write(`${toJson(summary)}\n`);
    process.exitCode = summary.ok ? 0 : 1;
}

const [url, mode, ...files] = process.argv.slice(2);
if (!url || !mode) {
    usage();
}
switch (mode) {
    case 'decode':
        if (files.length !== 1) usage('decode takes <inFile>');
        await decode(url, files[0]);
        break;
    case 'encode':
        if (files.length !== 2) usage('encode takes <jsonFile> <outFile>');
        await encode(url, files[0], files[1]);
        break;
    case 'api':
        if (files.length !== 0) usage('api takes no files');
        await api(url);
        break;
    default:
        usage(`unknown mode ${mode}`);
}
