package org.stabilitylab.engine.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.stabilitylab.engine.EngineInfo;
import org.stabilitylab.engine.run.LayerMetrics;
import org.stabilitylab.engine.run.RunInfo;
import org.stabilitylab.engine.run.RunListener;
import org.stabilitylab.engine.run.RunSummary;
import org.stabilitylab.engine.run.StepMetrics;

/**
 * Writes a run record (run.json, metrics.csv, layers.csv) as the run goes, flushing every step,
 * so a killed run still leaves readable files. A write error does not kill the run: it is kept
 * for {@link #failure()} and later writes are skipped.
 */
public final class RunRecordWriter implements RunListener {
    static final String METRICS_HEADER =
            "step,loss,lr,gradNorm,updateChange,outputChange,valLoss,valAccuracy,tokensPerSec,msPerStep";
    static final String LAYERS_HEADER = "step,stack,sublayer,kind,varBranch,varSum,betaOwn,gradNorm";

    private final Path dir;
    private RunInfo info;
    private Map<String, String> versions = Map.of();
    private BufferedWriter metrics;
    private BufferedWriter layers;
    private volatile IOException failure;

    /** Creates {@code dir} (and parents) now, so a folder that cannot be written fails before training. */
    public RunRecordWriter(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The first write error, if any; the record is incomplete from that point on. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void onStart(RunInfo runInfo) {
        info = runInfo;
        versions = versions(runInfo);
        attempt(() -> {
            writeRunJson(null);
            metrics = open(RunRecords.METRICS, METRICS_HEADER);
            layers = open(RunRecords.LAYERS, LAYERS_HEADER);
        });
    }

    @Override
    public void onStep(StepMetrics m) {
        if (metrics == null) {
            return;
        }
        attempt(() -> {
            metrics.write(m.step() + "," + Csv.cell(m.loss()) + "," + Csv.cell(m.lr()) + "," + Csv.cell(m.gradNorm())
                    + "," + Csv.cell(m.updateChange()) + "," + Csv.cell(m.outputChange()) + "," + Csv.cell(m.valLoss())
                    + "," + Csv.cell(m.valAccuracy()) + "," + Csv.cell(m.tokensPerSec()) + "," + Csv.cell(m.msPerStep())
                    + "\n");
            for (LayerMetrics l : m.layers()) {
                layers.write(m.step() + "," + Csv.cell(l.stack()) + "," + l.sublayer() + "," + Csv.cell(l.kind()) + ","
                        + Csv.cell(l.varBranch()) + "," + Csv.cell(l.varSum()) + "," + Csv.cell(l.betaOwn()) + ","
                        + Csv.cell(l.gradNorm()) + "\n");
            }
            metrics.flush();
            layers.flush();
        });
    }

    @Override
    public void onFinish(RunSummary summary) {
        attempt(() -> {
            if (metrics == null) { // the run failed before its first step: still leave a readable record
                metrics = open(RunRecords.METRICS, METRICS_HEADER);
                layers = open(RunRecords.LAYERS, LAYERS_HEADER);
            }
            metrics.close();
            layers.close();
            writeRunJson(summary);
        });
        metrics = null;
        layers = null;
    }

    private BufferedWriter open(String file, String header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
        w.write(header + "\n");
        w.flush();
        return w;
    }

    /** Replaces run.json in one move, so a reader never sees half a file. */
    private void writeRunJson(RunSummary summary) throws IOException {
        Path target = dir.resolve(RunRecords.RUN_JSON);
        Path tmp = dir.resolve(RunRecords.RUN_JSON + ".tmp");
        Files.writeString(tmp, RunJson.write(info, versions, summary), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Map<String, String> versions(RunInfo info) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("app", EngineInfo.version());
        v.put("nd4jBackend", info.backend());
        v.put("device", info.device());
        v.put("java", EngineInfo.java());
        return v;
    }

    private void attempt(IoAction action) {
        if (failure != null) {
            return;
        }
        try {
            action.run();
        } catch (IOException e) {
            failure = e;
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
