# producer_consumer.py — producers and consumers connected by a queue.Queue, stopped by sentinels.
#
# queue.Queue does its own locking: any number of threads may put() and get() at once and every
# item is delivered exactly once. The bounded queue (maxsize) makes fast producers wait for the
# consumers. When the producers are done, the main thread puts one sentinel (None) per consumer;
# a consumer that gets the sentinel stops. Usage: producer_consumer.py [PRODUCERS] [CONSUMERS]
import queue
import sys
import threading

ITEMS_PER_PRODUCER = 10_000
SENTINEL = None


def producer(q, producer_id, count):
    for i in range(count):
        q.put((producer_id, i))        # blocks while the queue is full


def consumer(q, results, consumer_id):
    handled = 0
    checksum = 0
    while True:
        item = q.get()                 # blocks while the queue is empty
        if item is SENTINEL:
            break
        producer_id, i = item
        checksum += producer_id * ITEMS_PER_PRODUCER + i   # "process" the item
        handled += 1
    results[consumer_id] = (handled, checksum)


def main():
    producers_count = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    consumers_count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    q = queue.Queue(maxsize=100)
    results = [None] * consumers_count

    consumers = [threading.Thread(target=consumer, args=(q, results, c)) for c in range(consumers_count)]
    producers = [threading.Thread(target=producer, args=(q, p, ITEMS_PER_PRODUCER))
                 for p in range(producers_count)]
    for t in consumers + producers:
        t.start()
    for t in producers:
        t.join()
    for _ in consumers:
        q.put(SENTINEL)                # one stop signal per consumer
    for t in consumers:
        t.join()

    total = producers_count * ITEMS_PER_PRODUCER
    handled = sum(h for h, _ in results)
    checksum = sum(c for _, c in results)
    expected = sum(range(total))       # item (p, i) is worth p * ITEMS_PER_PRODUCER + i
    print("%d producers put %d items each into one Queue(maxsize=100); %d consumers"
          % (producers_count, ITEMS_PER_PRODUCER, consumers_count))
    print("how the items split between consumers varies from run to run:")
    for c, (h, _) in enumerate(results):
        print("  consumer %d handled %d items" % (c, h))
    ok = handled == total and checksum == expected
    print("consumed %d of %d items, checksum %s" % (handled, total, "ok" if ok else "WRONG"))
    return 0 if ok else 1


sys.exit(main())
