import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p>There is no country, mission or page at this address.</p>
      <p>
        <Link href="/" className="underline">See all host countries</Link> or use the search above.
      </p>
    </div>
  );
}
