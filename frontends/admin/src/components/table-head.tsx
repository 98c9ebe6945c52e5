/** The header row of an admin table: one column heading per name, in order. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead className="bg-slate-50">
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className="p-2">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
