package org.habeas.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap's peak, from the GC beans: heap use only grows between collections, so its peak is the
 * largest use just before a collection (or now). Also the largest use just after one, which is close
 * to how much live data the heap had to hold.
 */
public final class HeapWatch {

  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private long peakUsed;
  private long peakAfterGc;

  public HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
          record(heap(info.getMemoryUsageBeforeGc()), heap(info.getMemoryUsageAfterGc()));
        }
      }, null, null);
    }
  }

  private synchronized void record(long before, long after) {
    peakUsed = Math.max(peakUsed, before);
    peakAfterGc = Math.max(peakAfterGc, after);
  }

  private long heap(Map<String, MemoryUsage> pools) {
    return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
  }

  public synchronized long peakUsed() {
    return Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  public synchronized long peakAfterGc() {
    return peakAfterGc;
  }

  public static long maxHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }

  public static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  public static long collectionMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}
