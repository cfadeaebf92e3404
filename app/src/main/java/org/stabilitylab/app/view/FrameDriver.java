package org.stabilitylab.app.view;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import org.stabilitylab.app.vm.RunsViewModel;

/**
 * The one place run data reaches the charts: once per frame, at most ten times a second, it drains
 * the runs' event queue and refreshes the shown charts, and measures how long that took.
 */
public final class FrameDriver extends AnimationTimer {
    static final long INTERVAL_NANOS = 100_000_000L;
    private final RunsViewModel runs;
    private final ChartBoard board;
    private final ReadOnlyDoubleWrapper refreshMs = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper maxRefreshMs = new ReadOnlyDoubleWrapper(0);
    private long last;

    public FrameDriver(RunsViewModel runs, ChartBoard board) {
        this.runs = runs;
        this.board = board;
    }

    @Override
    public void handle(long now) {
        if (now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        tick();
    }

    /** Drains and refreshes once, now (also used by tests and the screenshot mode). */
    public void tick() {
        long t0 = System.nanoTime();
        boolean changed = runs.drain();
        board.refresh(changed);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (changed) {
            refreshMs.set(refreshMs.get() * 0.9 + ms * 0.1);
            maxRefreshMs.set(Math.max(maxRefreshMs.get() * 0.995, ms));
        }
    }

    /** Smoothed time spent draining and updating charts per refresh, in ms. */
    public ReadOnlyDoubleProperty refreshMsProperty() {
        return refreshMs.getReadOnlyProperty();
    }

    /** Slowly decaying maximum of the same, in ms. */
    public ReadOnlyDoubleProperty maxRefreshMsProperty() {
        return maxRefreshMs.getReadOnlyProperty();
    }
}
